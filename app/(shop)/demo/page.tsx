import { startStoryline } from "./actions";
import { storylines } from "@/lib/storylines";

export const metadata = { title: "Demo storylines" };

export default function DemoPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Demo storylines</h1>
        <p className="text-stone-600">
          Scripted demos: each puts a product in the cart, prepares the emulators, and opens checkout with its steps.
        </p>
      </div>
      <ul className="grid gap-4 md:grid-cols-2">
        {storylines().map((story) => (
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
                Start “{story.title}”
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
