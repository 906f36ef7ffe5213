import QRCode from "qrcode";
import { QrCountdown } from "./qr-countdown";

/** The provider's QR code, drawn with a QR library, with its expiry countdown. */
export async function QrPayment({
  payload,
  expiresAt,
  methodLabel,
}: {
  payload: string;
  expiresAt: Date | null;
  methodLabel: string;
}) {
  const svg = await QRCode.toString(payload, { type: "svg", margin: 1, width: 220, errorCorrectionLevel: "M" });
  return (
    <div
      className="mt-4 flex flex-wrap items-center gap-6 rounded-lg border border-stone-200 bg-white p-4"
      data-testid="qr-payment"
    >
      <div
        className="h-[220px] w-[220px]"
        role="img"
        aria-label={`QR code to pay with ${methodLabel}`}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <div className="space-y-2">
        <p className="font-medium">Scan with {methodLabel} to pay</p>
        {expiresAt && <QrCountdown expiresAt={expiresAt.toISOString()} />}
        <p className="text-sm text-stone-500">This page turns to paid by itself once the payment is made.</p>
        <a
          href={payload}
          target="_blank"
          rel="noreferrer"
          className="text-sm text-brand-600 underline"
          data-testid="qr-link"
        >
          On this device? Open the payment page
        </a>
      </div>
    </div>
  );
}
