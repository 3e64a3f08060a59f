// Names that end in a full stop ("Bakkerij Jansen B.V.", "Fa. Jansen & Zn.") are written as they are
// registered. When such a name ends a sentence, the sentence's own full stop is dropped instead of
// doubled: Dutch and English typography both write "... bij Bakkerij Jansen B.V." and never "B.V..".

/** The value to put right before a sentence's full stop: one trailing "." (and the spaces after it) taken off. */
export function beforeFullStop(value: string): string {
  return value.replace(/\.\s*$/, "");
}

/** A sentence ended with a full stop, unless it already ends in one (or in "!", "?", "…"). */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * A value and the literal text that follows it in a template: when the text starts with a full stop
 * and the value already ends in one, the value gives its own up, so "{organisatie}." stays single.
 */
export function joinAtFullStop(value: string, next: string): string {
  return next.startsWith(".") ? beforeFullStop(value) : value;
}
