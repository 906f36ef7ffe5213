import "./emulator-pages.css";

export const metadata = { title: { default: "Emulators", template: "%s · Emulator" } };

/** Every /emulators page: the providers' own look (./emulator-pages.css) under the emulator's banner. */
export default function EmulatorLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="emulator-pages min-h-screen bg-slate-100 text-slate-900">
      <header className="bg-slate-900 px-4 py-1.5 text-center text-xs font-medium tracking-widest text-amber-300 uppercase">
        Local provider emulator · no real money moves
      </header>
      {children}
    </div>
  );
}
