// mailauth's own sub-modules, typed by its index.d.ts. The package root loads the BIMI checker,
// which needs undici 8 and with it Node 22; Loket runs on Node 20, so only these are imported.
declare module "mailauth/lib/dkim/verify" {
  export { dkimVerify } from "mailauth";
}
declare module "mailauth/lib/spf" {
  export { spf } from "mailauth";
}
declare module "mailauth/lib/dmarc" {
  export { dmarc } from "mailauth";
}
