// Next.js calls register() once per server process; the background work needs Node, so it lives
// in instrumentation-node.ts and is loaded only in the Node runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startBackgroundWork } = await import("./instrumentation-node");
    await startBackgroundWork();
  }
}
