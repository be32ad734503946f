#!/usr/bin/env node
// `npm run demo`: the whole storage chain on this machine, no cloud and no GPU. Starts s3rver on
// 127.0.0.1, seeds sample market data, then runs the same engine as the root action (hydrate ->
// the example simulator -> persist logs) through the marketsim CLI, and shows where the logs landed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The demo's own seeding client: no AWS SDK notice about future Node versions in a first run's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3');

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'marketsim-demo-'));

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Deterministic prices: a random walk with drift and a few regimes, so the back-test has something to find. */
function priceCsv(ticker, days, seed) {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  let price = 50 + (seed % 150);
  const rows = ['date,open,high,low,close,volume'];
  const start = Date.UTC(2023, 0, 2);
  for (let d = 0; d < days; d++) {
    const drift = Math.sin(d / 90 + seed) * 0.0015;
    const close = price * (1 + drift + (rnd() - 0.5) * 0.03);
    const date = new Date(start + d * 86400000).toISOString().slice(0, 10);
    rows.push(`${date},${price.toFixed(2)},${Math.max(price, close).toFixed(2)},${Math.min(price, close).toFixed(2)},${close.toFixed(2)},${Math.round(1e5 + rnd() * 1e6)}`);
    price = close;
  }
  return `${rows.join('\n')}\n`;
}

async function main() {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const s3rver = spawn(process.execPath, ['--openssl-legacy-provider', path.join(repo, 'node_modules/s3rver/bin/s3rver.js'), '-d', path.join(work, 's3'), '-a', '127.0.0.1', '-p', String(port), '--silent', '--no-vhost-buckets'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    s3rver.stdout.on('data', (d) => d.toString().includes('listening') && resolve());
    s3rver.on('exit', (c) => reject(new Error(`s3rver exited with ${c}`)));
  });
  try {
    const s3 = new S3Client({ endpoint, region: 'auto', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
    await s3.send(new CreateBucketCommand({ Bucket: 'models' }));
    const put = (key, body) => s3.send(new PutObjectCommand({ Bucket: 'models', Key: `stock/${key}`, Body: Buffer.from(body) }));
    const tickers = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'SPY', 'QQQ'];
    for (const [i, t] of tickers.entries()) await put(`trainingdata/${t}.csv`, priceCsv(t, 750, 17 + i * 31));
    await put('trainingdatadaily/SPY.csv', priceCsv('SPY', 250, 5));
    await put('trainingdatahourly/SPY.csv', priceCsv('SPY', 500, 7));
    await put('compiled_models/README.txt', 'placeholder for compiled models\n');
    await put('hyperparams/crossover.json', JSON.stringify({ fast: 10, slow: 30, cost_bps: 1.0 }));
    console.log(`Seeded s3://models/stock/ on ${endpoint} with ${tickers.length} tickers. Running the chain...\n`);

    const root = path.join(work, 'workspace');
    const code = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(repo, 'dist/cli/index.js'), 'run', '--local-root', root, '--experiment-id', 'demo', '--', 'python3', '-m', 'marketsimulator.runner', '--config', path.join(repo, 'configs/base.json')],
        {
          stdio: 'inherit',
          env: { ...process.env, R2_ENDPOINT: endpoint, R2_ACCESS_KEY_ID: 'S3RVER', R2_SECRET_ACCESS_KEY: 'demo-secret', PYTHONPATH: repo, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        },
      );
      child.on('close', resolve);
    });

    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'models', Prefix: 'stock/marketsimulator/logs/demo/' }));
    console.log('\nLogs in the bucket:');
    for (const o of listed.Contents ?? []) console.log(`  s3://models/${o.Key}  (${o.Size} bytes)`);
    const res = await s3.send(new GetObjectCommand({ Bucket: 'models', Key: 'stock/marketsimulator/logs/demo/results.json' })).catch(() => undefined);
    if (res) {
      const results = JSON.parse(await res.Body.transformToString());
      console.log(`\nPortfolio: return ${(results.portfolio.total_return * 100).toFixed(1)}%, sharpe ${results.portfolio.sharpe.toFixed(2)}, max drawdown ${(results.portfolio.max_drawdown * 100).toFixed(1)}%`);
    }
    console.log(`\nLocal copy: ${root}`);
    s3.destroy();
    process.exitCode = Number(code);
  } finally {
    s3rver.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
