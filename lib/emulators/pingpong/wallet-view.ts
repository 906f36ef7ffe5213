import { formatMinorUnits } from "../format";
import { flowOf, isQrExpired } from "./api";
import { APM_METHODS, isApmType, pingpongMerchant } from "./config";
import { findTransaction } from "./store";

/** What the wallet pages show, or undefined for an unknown or non-APM transaction (or the wrong page). */
export function walletView(transactionId: string, page: "scan" | "pay") {
  const transaction = findTransaction(transactionId);
  if (!transaction || !isApmType(transaction.methodType)) return undefined;
  if ((flowOf(transaction) === "qr") !== (page === "scan")) return undefined;
  return {
    transactionId: transaction.transactionId,
    methodLabel: APM_METHODS[transaction.methodType].label,
    merchantName: pingpongMerchant().merchantName,
    amount: formatMinorUnits(transaction.amountMinor, transaction.currency),
    status: transaction.status,
    flow: page,
    expired: transaction.status === "CLOSED" || (transaction.status === "PROCESSING" && isQrExpired(transaction)),
    payResultUrl: transaction.payResultUrl,
  };
}
