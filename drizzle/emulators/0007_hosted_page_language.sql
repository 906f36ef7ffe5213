ALTER TABLE `antom_payments` ADD `language` text;--> statement-breakpoint
ALTER TABLE `pingpong_transactions` ADD `language` text;