import NextLink from "next/link";

/**
 * The app's link: next/link (client-side navigation) without prefetching.
 *
 * Every page here is rendered per request (the session decides what it shows) and none has a
 * loading.tsx, so a prefetch fetches only the route tree, yet the server still runs the proxy and
 * the layouts for it: about 9 ms of server time each. next/link prefetches every link that scrolls
 * into view, again on every visit, so one look at the queue (25 ticket links and the navigation)
 * cost the server some 30 requests and ten times the page's own time. A click fetches the page
 * either way, so turning prefetching off loses nothing a person would notice.
 */
export default function Link(props: React.ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
