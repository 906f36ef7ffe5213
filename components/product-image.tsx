import Image from "next/image";
import type { PricedProduct } from "@/lib/db/queries/products";

/** A product's photo as the shop shows it (800×600, served as is), on its card and its page, and as a thumbnail. */
export function ProductImage({
  product,
  className,
  priority,
  thumbnail = false,
}: {
  product: Pick<PricedProduct, "image" | "name">;
  className: string;
  priority?: boolean;
  /** A small picture next to the product's name (cart, order summary): decorative, so no alt text to read twice. */
  thumbnail?: boolean;
}) {
  return (
    <Image
      src={product.image}
      alt={thumbnail ? "" : product.name}
      width={800}
      height={600}
      className={className}
      unoptimized
      priority={priority}
    />
  );
}
