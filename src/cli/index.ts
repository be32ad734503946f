import module from 'node:module';

// zlib.crc32 (20.15) and process.getBuiltinModule (20.16) are used on every transfer: say so before any work.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 16)) {
  console.error(`error: marketsim needs Node 20.16 or newer; this is ${process.version}`);
  process.exit(2);
}

// Node 22+ keeps compiled code on disk between runs (here in the OS temp folder): a no-op re-sync is
// mostly process start, and compiling the bundle was ~40 % of it. Older Node has no such call.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./main.js');
