/**
 * The theme choice (light, dark or the system's), the only script on pages other than search.
 * It runs inline in `<head>` so a saved choice applies before the first paint, shows the
 * picker (hidden without it) and remembers changes in localStorage. Kept as text so its
 * hash can go into the Content-Security-Policy (astro.config.mjs), which Astro does not
 * compute for inline scripts of its own accord.
 */
import { createHash } from 'node:crypto';

export const THEME_SCRIPT = `(()=>{const r=document.documentElement,k="theme",g=()=>{try{return localStorage.getItem(k)}catch{return null}},s=g();if(s==="light"||s==="dark")r.dataset.theme=s;addEventListener("DOMContentLoaded",()=>{const p=document.getElementById("theme-picker"),e=p&&p.querySelector("select");if(!e)return;e.value=r.dataset.theme||"auto";p.hidden=false;e.addEventListener("change",()=>{const v=e.value;if(v==="auto")delete r.dataset.theme;else r.dataset.theme=v;try{v==="auto"?localStorage.removeItem(k):localStorage.setItem(k,v)}catch{}})})})();`;

/** The script's hash as Astro's `security.csp.scriptDirective.hashes` takes it. */
export const THEME_SCRIPT_HASH =
  `sha256-${createHash('sha256').update(THEME_SCRIPT, 'utf8').digest('base64')}` as const;
