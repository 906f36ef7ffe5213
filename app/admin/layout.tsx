import { SiteHeader } from "@/components/site-header";

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      {/* The console is English only, whatever the shop's language around it. */}
      <main lang="en" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
