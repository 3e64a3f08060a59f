// Vitest runs lib code outside React's server environment; `server-only` would refuse to load.
export {};
