import { SiteHeader } from "@/components/site-header";

export default function ShopLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <footer className="mx-auto max-w-6xl px-4 pt-4 pb-10 text-xs text-stone-500">
        A reference shop: every payment here runs against local emulators of the providers unless credentials for a real
        sandbox are set.
      </footer>
    </>
  );
}
