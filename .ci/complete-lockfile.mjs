// Adds lockfile entries for platform-specific optional dependencies that the
// registry mirror of this workplace does not serve at the locked version (it lags
// behind npmjs.org for some native binaries). Without them `npm ci` refuses the
// lockfile ("Missing: … from lock file") even though those packages are for other
// platforms and are never installed here. Run after `npm install` changes the lock:
//   node .ci/complete-lockfile.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

/** os/cpu/libc of a platform package, read from the newest version the registry has. */
function platformOf(name) {
  const json = execFileSync('npm', ['view', name, 'os', 'cpu', 'libc', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const fields = json.trim() ? JSON.parse(json) : {};
  return Object.fromEntries(['os', 'cpu', 'libc'].filter((key) => fields[key]).map((key) => [key, fields[key]]));
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    packages[`node_modules/${name}`] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platformOf(name),
    };
    added++;
    console.log(`added ${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added} entries added`);
