import { formatMinorUnits } from "../format";
import { flowOf, isQrExpired } from "./api";
import { APM_METHODS, isApmType, pingpongMerchant } from "./config";
import { findTransaction } from "./store";

/** What the wallet pages show, or undefined for an unknown or card transaction (or the wrong page); CodeGrant payments use the "pay" page. */
export async function walletView(transactionId: string, page: "scan" | "pay", locale?: string) {
  const transaction = await findTransaction(transactionId);
  if (!transaction) return undefined;
  const flow = await flowOf(transaction);
  if (flow === "card") return undefined;
  if ((flow === "qr") !== (page === "scan")) return undefined;
  return {
    transactionId: transaction.transactionId,
    methodLabel:
      isApmType(transaction.methodType) && flow !== "codegrant"
        ? APM_METHODS[transaction.methodType].label
        : transaction.methodType,
    merchantName: pingpongMerchant().merchantName,
    amount: formatMinorUnits(transaction.amountMinor, transaction.currency, locale),
    status: transaction.status,
    flow: page,
    expired:
      transaction.status === "CLOSED" || (transaction.status === "PROCESSING" && (await isQrExpired(transaction))),
    payResultUrl: transaction.payResultUrl,
  };
}
