/**
 * File writes go through libuv's thread pool (4 threads by default). A sync of thousands of small
 * files keeps more writes in flight than that; libuv reads this variable when the pool first
 * starts, so entries import this module before anything touches the file system asynchronously.
 */
if (!process.env.UV_THREADPOOL_SIZE) process.env.UV_THREADPOOL_SIZE = '16';
export {};
