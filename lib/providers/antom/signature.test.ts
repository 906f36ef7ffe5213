import { describe, expect, it } from "vitest";
import { antomSign, antomSignatureHeader, antomSigningString, antomVerify, signatureFromHeader } from "./signature";

// Golden vector: a fixed RSA-2048 test key (made for this test only), request-time, client id,
// path and body, and the signature computed once. RSA PKCS#1 v1.5 signatures are deterministic.
const PRIVATE_KEY = [
  "-----BEGIN PRIVATE KEY-----",
  "MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCY2uoqYwmL41sc",
  "8Xzq7mIoz6ZzjrwTdAUBeCMUD/QXjR9SZ5eBSZJwOTK8zpS9Us6MGui21ZssPs91",
  "oXN86edrJNrcypib4hLAjnjl5TE6OSEHK0BgYWXkLhOk2OU1qbfZ628Cu66PGjU6",
  "SEKJQu1pFWjYGy4VBdTqAIGn81sUjO7q5dK2aLy4EXO6vfQ0h/J+P1gHRg8XY+Qb",
  "bTJbcJiO51cGPshIgO1BW+tD0fsomXXCO8Tsz4/XOj5bvbd1aTNWrG7mHuf5s5EB",
  "LiX9gXVJs8K/tRbwOSE7F0f6D2Y/bWLqsvtmwBs21pqrD3oaqNHmvLWL2pNGhTr/",
  "aDAoeYN9AgMBAAECggEAGH5l7SZjGnszd7sbsxLBgHwr1lMeQLjD75UWe+nFibuX",
  "tA79CF7nfBuyTW6GB6N8DRfnyBqJC8lB2b3mIXNi3bixaJV/aGVM73W1GlPEdGnA",
  "qOMtpPQejXazt6P48MUyPJWdO5EjGvPOaTk4jkG/BOqFGzIZy40cbeXoYOceZnei",
  "kEwt3gP+Rh+8i5weNX6bPGx6WytDLt06d6hKh3OpizPzXpZgEDEJKvXMicP2UIL8",
  "0AF15qe8Cdrc6XF0tYFXh1N03iJAdKa6aIpMixNQ/StU2UT5aJUddypuM7xpjHOL",
  "Z7eGK0r888zB5RUcFc0SdEOwKdiAkE1wBi+X50bOiQKBgQDHCgqYFTejNWxaZiay",
  "VR2vloZdy8PpBo4njT/fo0ZyBvGLEjaXodfOWQ2SGJROVB183ZLY+k2LaacYTDDm",
  "pazlfXdxj23LPGI3nZiGV/OEgTBl2LBZ8cKPMLzVrr4LXpzgG93HhLGn+OCym8SV",
  "R86KbN/AThT8XMtjrujF0UjL+QKBgQDEmVjQksB7yfvPPAoSHypHUQ/kfaPXVmcR",
  "z2vsrYs5uZ9ByLuQT3ZK0QCnMqCKLD1jjGDdqNyrlANyTd9v+zdzADdqnjeBhzPj",
  "ZGiBjOaROFiz8ZinI4P1U6arjSzeN9TlbjLOfegAd/djg6lf5H3ZFtpYZknMve7N",
  "2NvyqMlspQKBgDcNePatz7DN4wVyAbwLvOVHPi0NYke+72zTLdqen6qEbyTnScBR",
  "HI7PpOhG8iZkL6/M3YQ0X2RzOauHz3LMWnEzbek0Ics4DXaSmZB3HT0GOqvA7q5C",
  "J21Rrrlv1tLwPXXjX0mDU1xBg20DlrEvplo1WQIo1rcit4L/6xRkGb2JAoGAFP4i",
  "47Kn5w/8WXaZxLGbPB5Fyio4UoghXV9+sLkfQry1arrafGBfy0FiBnh7eAWdUIHu",
  "3fxoA9I8Q/pYv4Zdt2Pwhuv6FVSwj7lrB1paTGtt3VkQ6df7ATk7dNoQTnI7w3vu",
  "5OnA2jv1KKUoctrdLU8pZYMWokwtscFUSycGyxkCgYAGm9efm7NemzY+jAdj3tLZ",
  "6lKG6GtoYDlLPCVqOQ6sw1uj3HcHsUloXO9VJrJbd4IYNMmqZIc1QvyOOe2+7MvR",
  "9ffKwTzCGHbr2RF7tiC5tw49aOp57vC+hnsDhcQ3IMlKw23W+4Kpe2UiYLcXlMFf",
  "Uw4Buh0FxhyCaKvZIeL/GQ==",
  "-----END PRIVATE KEY-----",
].join("\n");
const PUBLIC_KEY = [
  "-----BEGIN PUBLIC KEY-----",
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmNrqKmMJi+NbHPF86u5i",
  "KM+mc468E3QFAXgjFA/0F40fUmeXgUmScDkyvM6UvVLOjBrottWbLD7PdaFzfOnn",
  "ayTa3MqYm+ISwI545eUxOjkhBytAYGFl5C4TpNjlNam32etvAruujxo1OkhCiULt",
  "aRVo2BsuFQXU6gCBp/NbFIzu6uXStmi8uBFzur30NIfyfj9YB0YPF2PkG20yW3CY",
  "judXBj7ISIDtQVvrQ9H7KJl1wjvE7M+P1zo+W723dWkzVqxu5h7n+bORAS4l/YF1",
  "SbPCv7UW8DkhOxdH+g9mP21i6rL7ZsAbNtaaqw96GqjR5ry1i9qTRoU6/2gwKHmD",
  "fQIDAQAB",
  "-----END PUBLIC KEY-----",
].join("\n");
const INPUT = {
  path: "/ams/api/v1/payments/pay",
  clientId: "SANDBOX_GOLDEN",
  time: "1732406400000",
  body: '{"paymentRequestId":"pay_golden0000000001","paymentAmount":{"currency":"USD","value":"1999"}}',
};
const EXPECTED =
  "hg2uhKG2j0Vk95N7XrtFbg6tk44aal3OuRPIKWGIogFTR04RxWvuOU31bdIZCgthdvtmZp5OjVNL9c8bDFnrK0unF%2F2lgVUFsbMBVTthWnok4r29ED7zHZjOVm23%2FOQj1eC4E63EdITEcusmozdou30Ry0QbgHB%2F%2BbgGZ30o%2BdYBNejCaxFAX52uO5ZrFAT9zmVQFmdZHxa0T6GLTAQ0WD9MRudTW68l4SwhwOhctBW%2BX%2BuOwd7q6kH35uzHsTkmqXNBUPnPm6Gvy9aFa1R3oilhIQ%2F8MghsnBAdEQeN7v0W0LZTnIstA6tSsr74nIgIjY7Sg3RjixN5Kh0Vsvj4ng%3D%3D";

describe("Antom signature", () => {
  it("signs the documented string", () => {
    expect(antomSigningString(INPUT.path, INPUT.clientId, INPUT.time, INPUT.body)).toBe(
      `POST /ams/api/v1/payments/pay\nSANDBOX_GOLDEN.1732406400000.${INPUT.body}`,
    );
  });

  it("matches the golden vector", () => {
    expect(antomSign(INPUT, PRIVATE_KEY)).toBe(EXPECTED);
  });

  it("verifies the golden signature and refuses any change", () => {
    expect(antomVerify(INPUT, EXPECTED, PUBLIC_KEY)).toBe(true);
    expect(antomVerify({ ...INPUT, path: "/ams/sandbox/api/v1/payments/pay" }, EXPECTED, PUBLIC_KEY)).toBe(false);
    expect(antomVerify({ ...INPUT, body: INPUT.body.replace("1999", "1") }, EXPECTED, PUBLIC_KEY)).toBe(false);
    expect(antomVerify({ ...INPUT, time: "1732406400001" }, EXPECTED, PUBLIC_KEY)).toBe(false);
    expect(antomVerify(INPUT, "not-a-signature", PUBLIC_KEY)).toBe(false);
  });

  it("reads and writes the signature header", () => {
    const header = antomSignatureHeader(EXPECTED);
    expect(header).toBe(`algorithm=RSA256,keyVersion=1,signature=${EXPECTED}`);
    expect(signatureFromHeader(header)).toBe(EXPECTED);
    expect(signatureFromHeader("algorithm=RSA256")).toBeUndefined();
  });
});
