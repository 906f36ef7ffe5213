-- A wallet linked twice before this release has two active links: the newest stays, the older ones are revoked.
UPDATE `stored_credentials` SET `status` = 'revoked'
WHERE `kind` = 'wallet' AND `status` = 'active' AND EXISTS (
  SELECT 1 FROM `stored_credentials` AS `newer`
  WHERE `newer`.`kind` = 'wallet' AND `newer`.`status` = 'active'
    AND `newer`.`user_id` = `stored_credentials`.`user_id`
    AND `newer`.`provider` = `stored_credentials`.`provider`
    AND `newer`.`brand` = `stored_credentials`.`brand`
    AND (`newer`.`created_at` > `stored_credentials`.`created_at`
      OR (`newer`.`created_at` = `stored_credentials`.`created_at` AND `newer`.`id` > `stored_credentials`.`id`))
);--> statement-breakpoint
CREATE UNIQUE INDEX `stored_credentials_active_wallet_idx` ON `stored_credentials` (`user_id`,`provider`,`brand`) WHERE kind = 'wallet' AND status = 'active';
