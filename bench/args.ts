/**
 * Arguments of the A/B and profiling scripts: their own (`own`, with `opt(name, default)` for
 * numeric flags) and, after `--`, extra arguments passed through to every sync.
 */
export function benchArgs(argv = process.argv.slice(2)) {
  const sep = argv.indexOf('--');
  const extra = sep >= 0 ? argv.slice(sep + 1) : [];
  const own = sep >= 0 ? argv.slice(0, sep) : argv;
  const opt = (name: string, dflt: number): number => {
    const i = own.indexOf(name);
    return i >= 0 ? Number(own[i + 1]) : dflt;
  };
  return { own, extra, opt };
}
