ALTER TABLE `orders` ADD `current_payment_id` text;--> statement-breakpoint
UPDATE `orders` SET `current_payment_id` = (SELECT `id` FROM `payments` WHERE `payments`.`order_id` = `orders`.`id` ORDER BY `created_at` DESC, `id` DESC LIMIT 1);
