import module from 'node:module';

// Node 22+ keeps compiled code on disk between runs (here in the OS temp folder): a no-op re-sync is
// mostly process start, and compiling the bundle was ~40 % of it. Older Node has no such call.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./main.js');
