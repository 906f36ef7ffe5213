import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { QrCountdown } from "./qr-countdown";

/**
 * The provider's QR code, drawn with a QR library, with its expiry countdown. On a phone the
 * shopper is most likely on the device with the wallet app: "Open the app" comes first and the code
 * (for another device) second; on a wider screen the code comes first.
 */
export async function QrPayment({
  payload,
  expiresAt,
  methodLabel,
}: {
  payload: string;
  expiresAt: Date | null;
  methodLabel: string;
}) {
  const t = await getTranslations("QrPayment");
  const svg = await QRCode.toString(payload, { type: "svg", margin: 1, width: 220, errorCorrectionLevel: "M" });
  return (
    <div
      className="mt-4 flex flex-col items-start gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:flex-row sm:flex-wrap sm:items-center sm:gap-6"
      data-testid="qr-payment"
    >
      <a
        href={payload}
        target="_blank"
        rel="noreferrer"
        className="w-full rounded-md bg-brand-600 px-5 py-3 text-center font-medium text-white hover:bg-brand-700 sm:hidden"
      >
        {t("openApp")}
      </a>
      <div
        className="h-[220px] w-[220px]"
        role="img"
        aria-label={t("codeLabel", { method: methodLabel })}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <div className="space-y-2">
        <p className="font-medium">
          <span className="sm:hidden">{t("scanOtherDevice", { method: methodLabel })}</span>
          <span className="hidden sm:inline">{t("scanToPay", { method: methodLabel })}</span>
        </p>
        {expiresAt && <QrCountdown expiresAt={expiresAt.toISOString()} />}
        <p className="text-sm text-stone-500">{t("turnsPaid")}</p>
        <a
          href={payload}
          target="_blank"
          rel="noreferrer"
          className="hidden text-sm text-brand-600 underline sm:inline"
          data-testid="qr-link"
        >
          {t("openHere")}
        </a>
      </div>
    </div>
  );
}
