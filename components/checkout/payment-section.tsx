"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { CardFieldErrors } from "@/lib/cards";
import type { BrowserExtensionSetup } from "@/lib/payments/browser-extension";
import { takesCards } from "@/lib/payments/card-methods";
import type { PaymentMethod } from "@/lib/payments/types";
import { CardFields } from "./card-fields";
import { methodName, methodNote, walletName } from "./method-words";
import { CardBrandBadge, CardBrandBadges, WalletBadge } from "./payment-badges";
import { methodKey, PaymentChoice, savedCardKey, type SavedCard } from "./payment-method-list";

/** What the shop offers the shopper to pay with: the same for an order's first payment and another try. */
export interface PaymentChoices {
  /** The offered methods; those that take cards are the card processors, the configured one first. */
  methods: readonly PaymentMethod[];
  savedCards?: readonly SavedCard[];
  providerNames?: Readonly<Record<string, string>>;
  /** The providers' browser extensions, by provider. */
  extensions?: Partial<Record<string, BrowserExtensionSetup>>;
  merchantUserId?: string;
  autofill?: Partial<Record<string, string>>;
}

/** A form's payment choices, picked from its props, for PaymentSection (signed in: the shopper has a user id). */
export function paymentChoicesOf(props: PaymentChoices): PaymentChoices & { signedIn: boolean } {
  const { methods, savedCards, providerNames, extensions, merchantUserId, autofill } = props;
  return {
    methods,
    savedCards,
    providerNames,
    extensions,
    merchantUserId,
    autofill,
    signedIn: Boolean(merchantUserId),
  };
}

/** The one Card choice's own id in the list (a method key always has a colon). */
const CARD = "card";

/** Where the list starts: the method to preselect if offered (a card processor means the Card choice), else the first choice. */
function initialChoice(
  preselect: string | undefined,
  processors: readonly PaymentMethod[],
  choiceKeys: readonly string[],
): { choice: string; processor: string } {
  const processor =
    processors.map(methodKey).find((key) => key === preselect) ?? (processors[0] ? methodKey(processors[0]) : "");
  if (preselect !== undefined && processors.some((m) => methodKey(m) === preselect)) return { choice: CARD, processor };
  const choice = preselect !== undefined && choiceKeys.includes(preselect) ? preselect : (choiceKeys[0] ?? "");
  return { choice, processor };
}

/**
 * The payment list, like a drop-in checkout's: saved cards and linked wallets first, then one Card
 * choice (brand badges, the card form right under it), then the wallets and QR methods. Which
 * provider takes the card is the shop's setting; on a laptop QA may switch it ("Card processor"),
 * and the Card radio then sends that processor's method. Shoppers read no provider names here.
 */
export function PaymentSection({
  methods,
  savedCards = [],
  providerNames = {},
  extensions,
  error,
  cardErrors,
  merchantUserId,
  signedIn = false,
  autofill,
  preselect,
}: PaymentChoices & {
  error?: string;
  cardErrors?: CardFieldErrors;
  signedIn?: boolean;
  /** The method to start on (the one the refused form sent, or the attempt just declined) if it is offered. */
  preselect?: string;
}) {
  const t = useTranslations("CheckoutPayment");
  const processors = methods.filter(takesCards);
  const otherMethods = methods.filter((m) => !takesCards(m));
  const choiceKeys = [
    ...savedCards.map(savedCardKey),
    ...(processors.length > 0 ? [CARD] : []),
    ...otherMethods.map(methodKey),
  ];
  const [initial] = useState(() => initialChoice(preselect, processors, choiceKeys));
  const [selected, setSelected] = useState(initial.choice);
  const [processorKey, setProcessorKey] = useState(initial.processor);
  const processor = processors.find((m) => methodKey(m) === processorKey) ?? processors[0];
  /** A listed choice's radio: what it sends, whether it is the one chosen, and choosing it. */
  const choice = (key: string) => ({
    value: key,
    checked: selected === key,
    onSelect: () => setSelected(key),
  });
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="mb-2 font-medium">{t("legend")}</legend>
      {methods.length === 0 && savedCards.length === 0 && <p className="text-sm text-red-700">{t("noMethod")}</p>}
      {savedCards.map((card) => {
        const wallet = card.brand ? walletName(t, card.brand) : t("wallet");
        return (
          <PaymentChoice
            key={savedCardKey(card)}
            {...choice(savedCardKey(card))}
            title={
              card.kind === "wallet"
                ? t("linkedWallet", { wallet })
                : t("savedCard", { brand: card.brand ?? t("savedCardBrandless"), last4: card.last4 ?? "" })
            }
            description={
              card.kind === "wallet"
                ? t("linkedWalletNote")
                : card.expiry
                  ? t("savedCardExpires", { expiry: card.expiry })
                  : t("savedCardNote")
            }
            badges={
              card.kind === "wallet" ? (
                <WalletBadge id={card.brand ?? ""} name={wallet} />
              ) : (
                <CardBrandBadge brand={card.brand} />
              )
            }
          />
        );
      })}
      {processor && (
        <PaymentChoice
          {...choice(CARD)}
          value={methodKey(processor)}
          title={t("card")}
          description={processor.kind === "card" ? t("cardHere") : t("cardOnPage")}
          badges={<CardBrandBadges />}
        >
          <div className="space-y-3">
            {processors.length > 1 && (
              <CardProcessorToggle
                processors={processors}
                providerNames={providerNames}
                value={methodKey(processor)}
                onChange={setProcessorKey}
              />
            )}
            {processor.kind === "card" ? (
              <CardFields
                key={processor.provider}
                extension={extensions?.[processor.provider]}
                serverErrors={cardErrors}
                merchantUserId={merchantUserId}
                offerToSave={signedIn && Boolean(processor.canSaveCard)}
                autofillUrl={autofill?.[processor.provider]}
              />
            ) : (
              <p className="text-sm text-stone-600" data-testid="card-page-note">
                {t("cardPageNote")}
              </p>
            )}
          </div>
        </PaymentChoice>
      )}
      {otherMethods.map((m) => (
        <PaymentChoice
          key={methodKey(m)}
          {...choice(methodKey(m))}
          title={methodName(t, m)}
          description={methodNote(t, m)}
          badges={<WalletBadge id={m.method} name={methodName(t, m)} />}
        />
      ))}
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}

/**
 * QA and sales on a laptop: which provider takes the card for this payment (the server offers
 * the others only outside a public deployment, and refuses a processor it does not offer).
 */
function CardProcessorToggle({
  processors,
  providerNames,
  value,
  onChange,
}: {
  processors: readonly PaymentMethod[];
  providerNames: Readonly<Record<string, string>>;
  value: string;
  onChange: (key: string) => void;
}) {
  const t = useTranslations("CheckoutPayment");
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <label htmlFor={id}>{t("processor")}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        // A select is as wide as its longest option ("Ping Payments · Card on PaymentIQ's page"):
        // on a phone it may shrink to the row's width instead of pushing the page sideways.
        className="max-w-full min-w-0 rounded border border-amber-300 bg-white px-2 py-1"
        data-testid="card-processor"
      >
        {processors.map((m) => {
          const name = providerNames[m.provider] ?? m.provider;
          return (
            <option key={methodKey(m)} value={methodKey(m)}>
              {m.kind === "card" ? name : `${name} · ${m.label}`}
            </option>
          );
        })}
      </select>
      <span className="text-xs">{t("processorNote")}</span>
    </div>
  );
}
