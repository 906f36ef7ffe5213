import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
// Layout is Prettier's (npm run format): no ESLint rule argues with it.
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  prettier,
  {
    ignores: [
      ".next/**",
      ".next-test/**",
      ".next-bench/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "test-reports/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
