"use client";

import { useLocale, useTranslations } from "next-intl";
import { changeLanguage } from "@/app/actions/session";
import { HeaderMenu } from "@/components/header-menu";
import { LOCALE_HTML_LANG, LOCALE_NAMES, LOCALES } from "@/i18n/locales";

const LANGUAGE_OPTIONS = LOCALES.map((locale) => ({
  value: locale,
  label: LOCALE_NAMES[locale],
  lang: LOCALE_HTML_LANG[locale],
}));

/** The header's language menu, each language named in itself. */
export function LanguageSelect() {
  const t = useTranslations();
  return (
    <HeaderMenu
      name="language"
      label={t("Language.label")}
      current={useLocale()}
      options={LANGUAGE_OPTIONS}
      action={changeLanguage}
      submitLabel={t("HeaderMenu.set")}
    />
  );
}
