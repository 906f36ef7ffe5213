ALTER TABLE `products` ADD `capture_mode` text DEFAULT 'automatic' NOT NULL;--> statement-breakpoint
-- Made to order: the card is authorized at checkout and charged when the order ships.
UPDATE `products` SET `capture_mode` = 'manual' WHERE `slug` IN ('mechanical-keyboard', 'wireless-earbuds');
