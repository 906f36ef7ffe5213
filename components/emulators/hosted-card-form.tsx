"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { brandLabel, cardBrand, formatCardNumber, formatExpiry, testCardSecurityCode } from "@/lib/cards";
import type { CardFormField, FormStep } from "@/lib/emulators/form-redirect";

/** A catalogue card as the picker offers it (lib/emulators/test-cards.json). */
export interface PickableTestCard {
  number: string;
  brand: string;
  description: string;
  /** Its outcome in one word ("approve", "decline_expired_card"), to say it in the page's language. */
  outcome: string;
}

/** How one provider's hosted page draws the form: its own colours (on the fields' focus, on the button). */
export interface CardFormLook {
  input: string;
  button: string;
}

/**
 * A hosted page's card form: the number grouped as printed on the card and the expiry as MM/YY
 * while typed, the browser's card autofill (cc-* autocomplete), and the emulators' test-card picker.
 * It posts as a plain HTML form (without JavaScript the server answers 303, back to the form with
 * the error); with JavaScript it posts the same fields itself, so after an error the number, expiry
 * and name stay as typed (the security code is typed again) and the error is read out next to its
 * field, which takes the focus. Nothing of the card is kept anywhere but in the fields.
 */
export function HostedCardForm(props: {
  action: string;
  /** The form's field names, as the provider's page posts them. */
  names: Record<CardFormField, string>;
  holder: { label: string; required: boolean; initial?: string; first: boolean };
  submitLabel: string;
  look: CardFormLook;
  testCards: readonly PickableTestCard[];
  /** The error of a post made without JavaScript (from the page's query). */
  initialError?: { message: string; field?: CardFormField };
  /** More fields, before the submit button. */
  children?: React.ReactNode;
}) {
  const t = useTranslations("HostedCardForm");
  const id = useId();
  const [card, setCard] = useState<Record<CardFormField, string>>({
    holder: props.holder.initial ?? "",
    number: "",
    expiry: "",
    cvc: "",
  });
  const [error, setError] = useState(props.initialError);
  const [sending, setSending] = useState(false);
  const inputs = useRef<Partial<Record<CardFormField, HTMLInputElement | null>>>({});

  useEffect(() => {
    if (error?.field) inputs.current[error.field]?.focus();
  }, [error]);

  // What the payer typed before the page's script took over (a slow connection, a fast payer) is
  // kept: read from the fields once React holds them, and again at each change, or the next
  // keystroke would empty them.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const typed = fieldsOnPage(inputs.current.number?.form ?? null, props.names);
      if (Object.keys(typed).length > 0) setCard((previous) => ({ ...previous, ...typed }));
    });
    return () => cancelAnimationFrame(frame);
  }, [props.names]);

  const brand = cardBrand(card.number);
  const errorId = `${id}-error`;

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget))
      if (typeof value === "string") body.append(name, value);
    try {
      const response = await fetch(props.action, { method: "POST", body, headers: { accept: "application/json" } });
      const step = (await response.json()) as FormStep;
      if ("redirect" in step) return window.location.assign(step.redirect);
      setCard((typed) => ({ ...typed, cvc: "" }));
      setError({ message: step.code ? t(`errors.${step.code}`) : step.error, field: step.field });
    } catch {
      setError({ message: t("errors.unreachable") });
    }
    setSending(false);
  }

  function pick(number: string) {
    setCard((typed) => ({
      holder: typed.holder || t("holderFallback"),
      number: formatCardNumber(number),
      expiry: "12/34",
      cvc: testCardSecurityCode(number),
    }));
    setError(undefined);
  }

  const field = (name: CardFormField, label: string, attributes: React.InputHTMLAttributes<HTMLInputElement>) => {
    const bad = error?.field === name;
    return (
      <div key={name} className={name === "number" ? "relative" : undefined}>
        <label htmlFor={`${id}-${name}`} className="block text-sm text-slate-700">
          {label}
        </label>
        <input
          {...attributes}
          ref={(element) => {
            inputs.current[name] = element;
          }}
          id={`${id}-${name}`}
          name={props.names[name]}
          value={card[name]}
          onChange={(event) => {
            const value = formatField(name, event.target.value);
            const onPage = fieldsOnPage(event.currentTarget.form, props.names);
            setCard((previous) => ({ ...previous, ...onPage, [name]: value }));
          }}
          aria-invalid={bad || undefined}
          aria-describedby={bad ? errorId : undefined}
          className={`mt-1 w-full rounded-md border px-3 py-2 ${name === "holder" ? "" : "font-mono"} border-slate-400 bg-white text-slate-900 ${props.look.input} ${bad ? "border-red-700!" : ""}`}
        />
        {name === "number" && brand !== "unknown" && (
          <span className="absolute top-8 right-3 text-xs font-semibold text-slate-600" data-testid="hosted-card-brand">
            {brandLabel(brand)}
          </span>
        )}
        {bad && (
          <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
            {error.message}
          </p>
        )}
      </div>
    );
  };

  const fields: Record<CardFormField, React.ReactNode> = {
    holder: field("holder", props.holder.label, { autoComplete: "cc-name", required: props.holder.required }),
    number: field("number", t("cardNumber"), {
      inputMode: "numeric",
      autoComplete: "cc-number",
      required: true,
      placeholder: "1234 1234 1234 1234",
    }),
    expiry: field("expiry", t("expiry"), {
      inputMode: "numeric",
      autoComplete: "cc-exp",
      required: true,
      placeholder: t("expiryPlaceholder"),
    }),
    cvc: field("cvc", t("cvc"), { inputMode: "numeric", autoComplete: "cc-csc", required: true, maxLength: 4 }),
  };

  const pickerOptions = [
    ["", t("choose")],
    // "Visa 3220: 3DS challenge: …"
    ...props.testCards.map((testCard) => [
      testCard.number,
      t("testCard", {
        brand: testCard.brand,
        last4: testCard.number.slice(-4),
        outcome: testCard.outcome,
        description: testCard.description,
      }),
    ]),
  ];

  return (
    <form action={props.action} method="post" onSubmit={(event) => void submit(event)} className="space-y-4" noValidate>
      <label className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
        {t("picker")}
        <select
          aria-label={t("picker")}
          value=""
          onChange={(event) => event.target.value && pick(event.target.value)}
          className="rounded border border-slate-500 bg-white px-2 py-1 text-slate-900"
        >
          {pickerOptions.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      {error && !error.field && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      )}
      {props.holder.first && fields.holder}
      {fields.number}
      <div className="grid grid-cols-2 gap-4">
        {fields.expiry}
        {fields.cvc}
      </div>
      {!props.holder.first && fields.holder}
      {props.children}
      <button
        type="submit"
        disabled={sending}
        className={`w-full rounded-md px-4 py-3 font-medium text-white disabled:opacity-70 ${props.look.button}`}
      >
        {props.submitLabel}
      </button>
    </form>
  );
}

/** A field as the form shows it: the number in groups of four, the expiry as MM/YY. */
function formatField(name: CardFormField, typed: string): string {
  return name === "number" ? formatCardNumber(typed) : name === "expiry" ? formatExpiry(typed) : typed;
}

/** The fields' values as the page holds them (what was typed, with or without the page's script), formatted. */
function fieldsOnPage(
  form: HTMLFormElement | null,
  names: Record<CardFormField, string>,
): Partial<Record<CardFormField, string>> {
  const typed: Partial<Record<CardFormField, string>> = {};
  for (const [name, fieldName] of Object.entries(names) as [CardFormField, string][]) {
    const input = form?.elements.namedItem(fieldName);
    if (input instanceof HTMLInputElement && input.value) typed[name] = formatField(name, input.value);
  }
  return typed;
}
