import { describe, expect, it } from "vitest";
import { footerFor, renderMail } from "@/lib/mail/render";

describe("the frame of an outgoing mail", () => {
  it("tells the reader of an answer how to reply so it threads, in their language", () => {
    const mail = renderMail({ text: "Uw adres is aangepast.", locale: "nl", kind: "ticket.reply" });
    expect(mail.text).toBe("Uw adres is aangepast.\n\n-- \nDit bericht komt van Loket. Antwoord gerust op deze e-mail: uw antwoord komt dan bij uw vraag.\n");
    expect(mail.html).toContain("uw antwoord komt dan bij uw vraag");
  });

  it("says that replies to account mail are not read, for every account kind", () => {
    for (const kind of ["account.password_reset", "account.password_changed", "auth.login_code", "organisation.invite", "staff.invite"]) {
      expect(footerFor(kind)).toBe("account");
    }
    const mail = renderMail({ text: "Your password was changed.", locale: "en", kind: "account.password_changed" });
    expect(mail.text).toContain("replies to this email are not read");
    expect(mail.text).not.toContain("your reply is added");
    for (const kind of ["ticket.acknowledgement", "appointment", "callback.reminder", "survey.invitation", "escalation_answer", "complaint.referral"]) {
      expect(footerFor(kind)).toBe("question");
    }
  });

  it("escapes the text when it derives the HTML, paragraph by paragraph", () => {
    const mail = renderMail({ text: "<script>x</script>\n\nTweede & laatste", locale: "nl", kind: "ticket.reply" });
    expect(mail.html).toContain("<p>&lt;script&gt;x&lt;/script&gt;</p>\n<p>Tweede &amp; laatste</p>");
  });
});
