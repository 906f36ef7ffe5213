import { getLocale, getTranslations } from "next-intl/server";
import { startStoryline } from "./actions";
import { storylines, storylineWords } from "@/lib/storylines";

export async function generateMetadata() {
  return { title: (await getTranslations("Demo"))("title") };
}

export default async function DemoPage() {
  const [t, locale] = await Promise.all([getTranslations("Demo"), getLocale()]);
  const stories = storylines().map((story) => ({ id: story.id, ...storylineWords(story, locale) }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-600">{t("intro")}</p>
      </div>
      <ul className="grid gap-4 md:grid-cols-2">
        {stories.map((story) => (
          <li
            key={story.id}
            className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-5"
            data-testid="storyline"
          >
            <h2 className="font-medium">{story.title}</h2>
            <p className="text-sm text-stone-600">{story.shows}</p>
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              {story.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <form action={startStoryline} className="mt-auto">
              <input type="hidden" name="storyline" value={story.id} />
              <button
                type="submit"
                className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
              >
                {t("start", { title: story.title })}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
