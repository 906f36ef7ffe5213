/** The database files of the e2e server (see e2e/support/serve.mjs); tests read them to check what the shop stored. */
export const E2E_SHOP_DATABASE = "data/test-e2e/shop.sqlite";
