import Image from "next/image";
import type { PricedProduct } from "@/lib/db/queries/products";

/** A product's photo as the shop shows it (800×600, served as is), on its card and its page. */
export function ProductImage({
  product,
  className,
  priority,
}: {
  product: Pick<PricedProduct, "image" | "name">;
  className: string;
  priority?: boolean;
}) {
  return (
    <Image
      src={product.image}
      alt={product.name}
      width={800}
      height={600}
      className={className}
      unoptimized
      priority={priority}
    />
  );
}
