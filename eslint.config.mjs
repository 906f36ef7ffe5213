import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
// Layout is Prettier's (npm run format): no ESLint rule argues with it.
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  prettier,
  {
    // Every query of the shop's database is async (lib/db/client.ts): a call nobody awaits would
    // write after its caller answered, or lose its error. Type-aware, so it knows what returns a promise.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
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
