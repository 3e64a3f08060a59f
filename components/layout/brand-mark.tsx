import { loadBrand } from "@/lib/brand/queries";
import { logoUrl } from "@/lib/brand/rules";

/**
 * The organisation's logo and name as its admin set them (Loket's own name otherwise). The logo is
 * decorative here: the name beside it is the text people and screen readers get.
 */
export async function BrandMark({ logoClassName = "h-8" }: { logoClassName?: string }) {
  const brand = await loadBrand();
  const logo = logoUrl(brand);
  return (
    <span className="inline-flex items-center gap-2" data-testid="brand-mark">
      {/* eslint-disable-next-line @next/next/no-img-element -- a small logo from our own route, cached by version */}
      {logo ? <img src={logo} alt="" className={`${logoClassName} w-auto max-w-40 object-contain`} /> : null}
      <span data-testid="brand-name">{brand.name}</span>
    </span>
  );
}
