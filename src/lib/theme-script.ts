/**
 * The theme choice (light, dark or the system's), the only script on pages other than search.
 * It runs inline in `<head>` so a saved choice applies before the first paint, shows the
 * picker (hidden without it) and remembers changes in localStorage. It also makes `/` (outside
 * a text field) and Ctrl/Cmd+K focus the search box: /search/'s own once it is shown, else the
 * header's; and it marks `<html class="js">`, so /search/ keeps room for its form until its script shows it
 * (no layout shift). Pages work fully without it. Kept under 1 KB, and kept as text so its
 * hash can go into the Content-Security-Policy (astro.config.mjs), which Astro does not
 * compute for inline scripts of its own accord.
 */
import { createHash } from 'node:crypto';

export const THEME_SCRIPT = `(()=>{const r=document.documentElement,k="theme",g=()=>{try{return localStorage.getItem(k)}catch{return null}},s=g();r.classList.add("js");if(s==="light"||s==="dark")r.dataset.theme=s;addEventListener("DOMContentLoaded",()=>{const p=document.getElementById("theme-picker"),e=p&&p.querySelector("select");if(!e)return;e.value=r.dataset.theme||"auto";p.hidden=false;e.addEventListener("change",()=>{const v=e.value;if(v==="auto")delete r.dataset.theme;else r.dataset.theme=v;try{v==="auto"?localStorage.removeItem(k):localStorage.setItem(k,v)}catch{}})});addEventListener("keydown",e=>{const t=e.target,m=e.ctrlKey||e.metaKey,f=t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);if(!(m&&e.key==="k"||e.key==="/"&&!m&&!e.altKey&&!f))return;const b=document.querySelector("#search:not([hidden]) input[type=search]")||document.getElementById("site-search-query");if(b){e.preventDefault();b.focus();b.select()}})})();`;

/** The script's hash as Astro's `security.csp.scriptDirective.hashes` takes it. */
export const THEME_SCRIPT_HASH =
  `sha256-${createHash('sha256').update(THEME_SCRIPT, 'utf8').digest('base64')}` as const;
