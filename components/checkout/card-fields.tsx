"use client";

import { useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import {
  brandLabel,
  cardBrand,
  cvcLength,
  digitsOf,
  formatCardNumber,
  formatExpiry,
  luhnValid,
  parseExpiry,
  testCardSecurityCode,
  validateCard,
  type CardFieldErrors,
  type CardProblem,
} from "@/lib/cards";
import type { BrowserExtensionSetup } from "@/lib/payments/browser-extension";
import { browserExtensionOf } from "@/lib/providers/browser";

type Field = "number" | "expiry" | "cvc" | "holder";

/** What the line under the card says while the provider's risk plugin checks it (a provider with no plugin shows none). */
const RISK_STATE_WORDS = {
  idle: "privacy",
  checking: "checking",
  done: "checked",
  unavailable: "checkUnavailable",
} as const;

/**
 * The shop's card form, shared by every provider that takes card data: formats and checks as the
 * shopper types, shows errors inline (announced to screen readers), and, for a provider with a
 * browser extension (a risk plugin), runs its card check when the number changes or loses focus and
 * sends the fields it gives. The number and CVC go to the server action only to be passed to the provider.
 */
export function CardFields({
  extension,
  serverErrors,
  merchantUserId = "",
  offerToSave = false,
  autofillUrl,
}: {
  /** The provider's browser extension, as the server describes it. */
  extension?: BrowserExtensionSetup;
  serverErrors?: CardFieldErrors;
  merchantUserId?: string;
  offerToSave?: boolean;
  /** The emulators' test-card catalogue; only given while the provider is its emulator. */
  autofillUrl?: string;
}) {
  const t = useTranslations("CheckoutCard");
  const id = useId();
  const [card, setCard] = useState({ number: "", expiry: "", cvc: "", holder: "" });
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [requestId] = useState(() =>
    typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : String(Date.now()),
  );
  const session = { requestId, merchantUserId };
  const browserCode = extension ? browserExtensionOf(extension.provider) : undefined;
  const [extensionFields, setExtensionFields] = useState(() => browserCode?.initialFields(session) ?? {});
  const [riskState, setRiskState] = useState<"idle" | "checking" | "done" | "unavailable">("idle");
  const lastChecked = useRef("");

  const brand = cardBrand(card.number);
  const localErrors = validateCard(card);
  /** A field's problem in words: what the browser found once the field was left, else what the server said. */
  const errorOf = (field: Field) => {
    const problem: CardProblem | undefined = (touched[field] ? localErrors[field] : undefined) ?? serverErrors?.[field];
    return problem && t(`errors.${problem.code}`, problem);
  };

  const runRiskCheck = async (typed = card) => {
    if (!extension || !browserCode) return;
    const digits = digitsOf(typed.number);
    const expiry = parseExpiry(typed.expiry);
    const key = `${digits}|${typed.expiry}`;
    if (!luhnValid(digits) || lastChecked.current === key) return;
    lastChecked.current = key;
    setRiskState("checking");
    try {
      const { fields, checked } = await browserCode.checkCard(extension, session, {
        number: digits,
        expiryMonth: expiry?.month ?? "",
        expiryYear: expiry?.year ?? "",
        brand: brandLabel(cardBrand(digits)),
      });
      setExtensionFields((previous) => ({ ...previous, ...fields }));
      setRiskState(checked ? "done" : "unavailable");
    } catch {
      setRiskState("unavailable");
    }
  };

  const input =
    "w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-mono aria-[invalid=true]:border-red-600";
  const field = (
    name: Field,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement>,
    format: (v: string) => string = (v) => v,
  ) => {
    const error = errorOf(name);
    return (
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{label}</span>
        <input
          {...props}
          id={`${id}-${name}`}
          value={card[name]}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-${name}-error` : undefined}
          onChange={(event) => {
            const typed = { ...card, [name]: format(event.target.value) };
            setCard(typed);
            // The plugin's card check runs when the number changes to a complete, valid one.
            if (name === "number" && !validateCard(typed).number) void runRiskCheck(typed);
          }}
          onBlur={() => {
            setTouched((t) => ({ ...t, [name]: true }));
            if (name === "number" || name === "expiry") void runRiskCheck();
          }}
          className={input}
        />
        <span id={`${id}-${name}-error`} role="alert" aria-live="polite" className="mt-1 block min-h-4 text-red-700">
          {error}
        </span>
      </label>
    );
  };

  const fillTestCard = (number: string) => {
    const typed = {
      number: formatCardNumber(number),
      expiry: "12/34",
      cvc: testCardSecurityCode(number),
      holder: card.holder || "Test Shopper",
    };
    setCard(typed);
    setTouched({});
    void runRiskCheck(typed);
  };

  return (
    <fieldset className="min-w-0 space-y-2" data-testid="card-fields">
      <legend className="px-1 font-medium">{t("legend")}</legend>
      {autofillUrl && <TestCardPicker url={autofillUrl} onPick={fillTestCard} />}
      <div className="relative">
        {field(
          "number",
          t("number"),
          { name: "cardNumber", inputMode: "numeric", autoComplete: "cc-number", placeholder: "1234 1234 1234 1234" },
          formatCardNumber,
        )}
        <span
          className="absolute top-8 right-3 text-xs font-semibold text-stone-500 uppercase"
          data-testid="card-brand"
        >
          {brand === "unknown" ? "" : t(`typedBrand.${brand}`)}
        </span>
      </div>
      <div className="grid grid-cols-2 gap-4">
        {field(
          "expiry",
          t("expiry"),
          { name: "cardExpiry", inputMode: "numeric", autoComplete: "cc-exp", placeholder: t("expiryPlaceholder") },
          formatExpiry,
        )}
        {field(
          "cvc",
          t("cvc", { digits: cvcLength(brand) }),
          {
            name: "cardCvc",
            inputMode: "numeric",
            autoComplete: "cc-csc",
            maxLength: 4,
            placeholder: t("cvcPlaceholder"),
          },
          (v) => digitsOf(v).slice(0, 4),
        )}
      </div>
      {field("holder", t("holder"), { name: "cardHolder", autoComplete: "cc-name" })}
      {offerToSave && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="saveCard" value="1" />
          {t("save")}
        </label>
      )}
      {extension && (
        <>
          {Object.entries(extensionFields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p className="text-xs text-stone-500" data-testid="risk-state" data-state={riskState}>
            {t(RISK_STATE_WORDS[riskState])}
          </p>
        </>
      )}
    </fieldset>
  );
}

/** QA helper: fills the form with a card of the emulators' catalogue (each scripts an outcome). */
function TestCardPicker({ url, onPick }: { url: string; onPick: (number: string) => void }) {
  const t = useTranslations("CheckoutCard");
  const [cards, setCards] = useState<{ number: string; brand: string; description: string }[]>([]);
  const [open, setOpen] = useState(false);
  const load = async () => {
    setOpen(true);
    if (cards.length) return;
    try {
      const response = await fetch(url, { cache: "no-store" });
      if (response.ok) setCards(((await response.json()) as { cards: typeof cards }).cards);
    } catch {
      // the catalogue is a convenience: without it the form works as usual
    }
  };
  return (
    <div className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {!open ? (
        <button type="button" onClick={() => void load()} className="underline">
          {t("fillTestCard")}
        </button>
      ) : (
        <label className="flex flex-wrap items-center gap-2">
          {t("testCard")}
          <select
            aria-label={t("testCard")}
            defaultValue=""
            onChange={(event) => event.target.value && onPick(event.target.value)}
            className="rounded border border-amber-300 bg-white px-2 py-1"
          >
            <option value="">{t("chooseTestCard")}</option>
            {cards.map((card) => (
              <option key={card.number} value={card.number}>
                {card.brand} {card.number.slice(-4)}: {card.description}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
