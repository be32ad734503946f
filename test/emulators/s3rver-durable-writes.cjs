// Loaded into s3rver only (node --require): s3rver 3.7.1 answers PutObject, UploadPart and
// CompleteMultipartUpload when its hashing stream has seen the last byte, before its file stream has
// written it (local-test-servers.md), so a listing right after a 200 can show a short size. S3 and R2
// answer after the object is stored: this makes s3rver wait for every file it opened to close.
'use strict';
const path = require('path');
const { AsyncLocalStorage } = require('async_hooks');

const s3rverDir = path.dirname(require.resolve('s3rver/package.json'));
const fsx = require(require.resolve('fs-extra', { paths: [s3rverDir] }));
const FilesystemStore = require(path.join(s3rverDir, 'lib/stores/filesystem.js'));

const writes = new AsyncLocalStorage();
const create = fsx.createWriteStream;
fsx.createWriteStream = function createWriteStream(...args) {
  const ws = create.apply(this, args);
  const pending = writes.getStore();
  if (pending) pending.push(new Promise((resolve) => ws.once('close', resolve)));
  return ws;
};

for (const method of ['putObject', 'putPart']) {
  const original = FilesystemStore.prototype[method];
  FilesystemStore.prototype[method] = function durable(...args) {
    const pending = [];
    return writes.run(pending, async () => {
      const result = await original.apply(this, args);
      await Promise.all(pending);
      return result;
    });
  };
}
