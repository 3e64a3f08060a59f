import { cancelEndpoint } from "@/lib/api/callback-endpoints";
import { apiRoute } from "@/lib/api/route";

/** Cancels the appointment (it stays on record as cancelled). */
export const DELETE = apiRoute(cancelEndpoint);
