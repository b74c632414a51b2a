// A second floor of the cold-start figure in scripts/bench.mjs: a one-line module that then
// fetches the main entry's wasm, i.e. the two requests in a row that any entry with a separate
// wasm file makes (nothing compiled or run).
await fetch(new URL('../pkg/iamport_pay_bg.wasm', import.meta.url)).then((r) => r.arrayBuffer());
export const one = 1;
