import "server-only";
import { redirect } from "next/navigation";

/**
 * A page past the last one (an old link, a typed ?pagina=99) goes to the last page, with the other
 * parameters kept, instead of an empty list under "Pagina 99 van 3". `page` counts from 0.
 */
export function toLastPageIfPast(page: number, total: number, pageSize: number, href: (lastPage: number) => string): void {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (page >= pages) redirect(href(pages - 1));
}
