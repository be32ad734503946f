/**
 * An AbortSignal that fires on SIGINT or SIGTERM: a cancelled job gets SIGINT, then SIGTERM 7.5 s
 * later, and whoever holds rented resources must get the chance to destroy them before exiting.
 */
export function cancelSignal(): AbortSignal {
  const ctl = new AbortController();
  process.once('SIGINT', () => ctl.abort());
  process.once('SIGTERM', () => ctl.abort());
  return ctl.signal;
}
