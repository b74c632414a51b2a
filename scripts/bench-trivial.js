// The floor of the cold-start figure in scripts/bench.mjs: a one-line module from the same server.
export const one = 1;
