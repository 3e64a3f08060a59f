"use client";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { SuccessNote } from "./form-action";

interface Current {
  slot: string;
  text: string;
  /** A new confirmation with the same text is still new: focus and announce it again. */
  serial: number;
}

interface Confirmations {
  current: Current | null;
  confirm: (slot: string, text: string) => void;
  clear: () => void;
}

const Context = createContext<Confirmations | null>(null);

/**
 * One confirmation per page: a page with several forms (a board of escalations, a complaint with
 * answer, note and referral) shows only what the latest action did, next to where it happened.
 * A new action clears the previous confirmation when it starts.
 */
export function ConfirmationScope({ children, initial }: { children: React.ReactNode; initial?: { slot: string; text: string } | null }) {
  // `initial`: what the page arrived with (a question just filed); it does not take focus.
  const [current, setCurrent] = useState<Current | null>(initial ? { ...initial, serial: 0 } : null);
  const serial = useRef(0);
  const confirm = useCallback((slot: string, text: string) => setCurrent({ slot, text, serial: ++serial.current }), []);
  const clear = useCallback(() => setCurrent(null), []);
  const value = useMemo(() => ({ current, confirm, clear }), [current, confirm, clear]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useConfirmation(): Pick<Confirmations, "confirm" | "clear"> {
  const value = useContext(Context);
  if (!value) throw new Error("useConfirmation needs a ConfirmationScope around it");
  return { confirm: value.confirm, clear: value.clear };
}

/**
 * Where the page's confirmation shows when it belongs to `slot`. It takes focus: the button or form
 * that led here often goes away with the change (an escalation moved up, a form closed), and focus
 * would otherwise fall back to the top of the page.
 */
export function ConfirmationSlot({ slot, className }: { slot: string; className?: string }) {
  const value = useContext(Context);
  const box = useRef<HTMLDivElement>(null);
  const mine = value?.current?.slot === slot ? value.current : null;
  useEffect(() => {
    if (mine && mine.serial > 0) box.current?.querySelector<HTMLElement>("[role=status]")?.focus();
  }, [mine]);
  // `className` (spacing) applies only while it shows, so an empty slot takes no room.
  return <div ref={box} className={mine && className ? className : "contents"}>{mine ? <SuccessNote focusable>{mine.text}</SuccessNote> : null}</div>;
}
