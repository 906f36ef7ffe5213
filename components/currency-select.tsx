"use client";

import { useTranslations } from "next-intl";
import { changeCurrency } from "@/app/actions/session";
import { HeaderMenu } from "@/components/header-menu";

/** The header's currency menu. */
export function CurrencySelect({ current, currencies }: { current: string; currencies: readonly string[] }) {
  const t = useTranslations();
  return (
    <HeaderMenu
      name="currency"
      label={t("Currency.label")}
      current={current}
      options={currencies.map((code) => ({ value: code, label: code }))}
      action={changeCurrency}
      submitLabel={t("HeaderMenu.set")}
    />
  );
}
