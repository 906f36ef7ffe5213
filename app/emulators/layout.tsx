export const metadata = { title: { default: "Emulators", template: "%s · Emulator" } };

export default function EmulatorLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-100">
      <div className="bg-slate-900 px-4 py-1.5 text-center text-xs font-medium tracking-widest text-amber-300 uppercase">
        Local provider emulator · no real money moves
      </div>
      {children}
    </div>
  );
}
