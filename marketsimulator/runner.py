"""python -m marketsimulator.runner [--config FILE]

Reads the hydrated price CSVs (date,open,high,low,close,volume) from $LOCAL_ROOT/trainingdata,
parameters from $LOCAL_ROOT/hyperparams/*.json and the config, back-tests a moving-average
crossover per ticker, and writes run.log, equity.csv and results.json to $LOCAL_LOG_DIR
(default $LOCAL_ROOT/marketsimulator/run_logs). Standard library only.
"""
import argparse
import csv
import glob
import json
import math
import os
import sys
import time


def log(out, message):
    line = f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} {message}"
    print(line, flush=True)
    out.write(line + "\n")
    out.flush()


def load_params(root, config_path):
    params = {"fast": 10, "slow": 30, "cost_bps": 1.0}
    for path in sorted(glob.glob(os.path.join(root, "hyperparams", "*.json"))):
        with open(path, encoding="utf-8") as f:
            params.update(json.load(f))
    if config_path:
        with open(config_path, encoding="utf-8") as f:
            params.update(json.load(f))
    if int(params["fast"]) >= int(params["slow"]):
        raise SystemExit(f"config error: fast ({params['fast']}) must be below slow ({params['slow']})")
    return params


def load_closes(path):
    with open(path, newline="", encoding="utf-8") as f:
        return [float(row["close"]) for row in csv.DictReader(f)]


def moving_average(values, n, i):
    return sum(values[i - n + 1 : i + 1]) / n


def backtest(closes, fast, slow, cost_bps):
    """Daily returns of a long/flat crossover strategy, paying cost_bps on each position change."""
    returns, position, trades = [], 0, 0
    for i in range(1, len(closes)):
        held = position
        r = held * (closes[i] / closes[i - 1] - 1.0)
        if i >= slow:
            position = 1 if moving_average(closes, fast, i) > moving_average(closes, slow, i) else 0
        if position != held:
            trades += 1
            r -= cost_bps / 10_000
        returns.append(r)
    return returns, trades


def metrics(returns):
    equity, peak, drawdown, curve = 1.0, 1.0, 0.0, []
    for r in returns:
        equity *= 1.0 + r
        peak = max(peak, equity)
        drawdown = max(drawdown, 1.0 - equity / peak)
        curve.append(equity)
    mean = sum(returns) / len(returns) if returns else 0.0
    var = sum((r - mean) ** 2 for r in returns) / len(returns) if returns else 0.0
    sharpe = mean / math.sqrt(var) * math.sqrt(252) if var > 0 else 0.0
    return {"total_return": equity - 1.0, "sharpe": sharpe, "max_drawdown": drawdown}, curve


def main(argv=None):
    parser = argparse.ArgumentParser(prog="marketsimulator.runner")
    parser.add_argument("--config", help="JSON file with fast, slow, cost_bps (overrides hyperparams/)")
    args = parser.parse_args(argv)
    root = os.environ.get("LOCAL_ROOT", os.getcwd())
    log_dir = os.environ.get("LOCAL_LOG_DIR", os.path.join(root, "marketsimulator", "run_logs"))
    os.makedirs(log_dir, exist_ok=True)
    with open(os.path.join(log_dir, "run.log"), "a", encoding="utf-8") as out:
        params = load_params(root, args.config)
        log(out, f"experiment {os.environ.get('EXPERIMENT_ID', '-')}, params {json.dumps(params, sort_keys=True)}")
        files = sorted(glob.glob(os.path.join(root, "trainingdata", "*.csv")))
        if not files:
            log(out, f"no price data in {os.path.join(root, 'trainingdata')}")
            return 2
        results, portfolio = {}, None
        for path in files:
            ticker = os.path.splitext(os.path.basename(path))[0]
            returns, trades = backtest(load_closes(path), int(params["fast"]), int(params["slow"]), float(params["cost_bps"]))
            m, _ = metrics(returns)
            results[ticker] = {**m, "trades": trades, "days": len(returns) + 1}
            portfolio = returns if portfolio is None else [a + b for a, b in zip(portfolio, returns)]
            log(out, f"{ticker}: return {m['total_return']:+.2%}, sharpe {m['sharpe']:.2f}, max drawdown {m['max_drawdown']:.2%}, {trades} trades")
        portfolio = [r / len(files) for r in portfolio]
        pm, curve = metrics(portfolio)
        with open(os.path.join(log_dir, "equity.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["day", "equity"])
            w.writerows(enumerate(round(e, 6) for e in curve))
        with open(os.path.join(log_dir, "results.json"), "w", encoding="utf-8") as f:
            json.dump({"params": params, "tickers": results, "portfolio": pm}, f, indent=2, sort_keys=True)
        log(out, f"portfolio of {len(files)}: return {pm['total_return']:+.2%}, sharpe {pm['sharpe']:.2f}; results in {log_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
