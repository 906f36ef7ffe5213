import { devKey, devKeyFile, devKeysDir, type DevKeyStore } from "@/lib/dev-keys";

/**
 * Antom's development RSA pairs: the merchant's and "Antom's" (the emulator's), created once in
 * ANTOM_KEYS_DIR (default data/antom) when no PEM is given in the environment.
 */
export const ANTOM_DEV_KEYS: DevKeyStore = {
  dirVariable: "ANTOM_KEYS_DIR",
  defaultDir: "data/antom",
  pairs: ["merchant", "antom"],
};

export const ANTOM_KEY_FILES = {
  merchantPrivate: devKeyFile("merchant", "private"),
  merchantPublic: devKeyFile("merchant", "public"),
  antomPrivate: devKeyFile("antom", "private"),
  antomPublic: devKeyFile("antom", "public"),
} as const;

export type AntomKeyName = keyof typeof ANTOM_KEY_FILES;

const KEY_PARTS: Record<AntomKeyName, [string, "private" | "public"]> = {
  merchantPrivate: ["merchant", "private"],
  merchantPublic: ["merchant", "public"],
  antomPrivate: ["antom", "private"],
  antomPublic: ["antom", "public"],
};

export const antomKeysDir = () => devKeysDir(ANTOM_DEV_KEYS);

/** A PEM from the environment variable named, or else the development key file. */
export function antomKey(name: AntomKeyName, envVariable: string): string {
  const [pair, half] = KEY_PARTS[name];
  return devKey(ANTOM_DEV_KEYS, pair, half, envVariable);
}
