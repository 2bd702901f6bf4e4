// Everything runs in the browser: DuckDB-wasm, the data and the charts. The static build serves
// one index.html for every route.
export const ssr = false;
export const prerender = false;
