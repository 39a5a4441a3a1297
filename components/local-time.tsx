"use client";
import { useSyncExternalStore } from "react";

// Spelled out: dateStyle/timeStyle cannot be combined with timeZoneName (browsers throw).
const format = (date: Date, timeZone?: string) =>
  date.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" });

const subscribeToNothing = () => () => {};

/**
 * A date and time in the reader's own time zone (due dates above all). The
 * server renders it in UTC and the browser in its own zone once hydrated,
 * so server and client markup agree.
 */
export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  return <time dateTime={iso}>{format(new Date(iso), inBrowser ? undefined : "UTC")}</time>;
}
