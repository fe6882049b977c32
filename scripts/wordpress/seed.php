<?php
// Fills the private site with an archive of the size a newsroom's site reaches: POSTS posts
// (most published, some pending, draft and scheduled, by the site's users), each with the
// companion plugin's review data (a review, its revision, its place in the feed of changed
// reviews), written in batches straight into the database with WordPress's own $wpdb (the
// REST API would take hours). Run by scripts/wordpress/seed with php-cli.
$_SERVER['HTTP_HOST'] = getenv('WP_HOST_PORT');
$_SERVER['REQUEST_URI'] = '/';
require getenv('WP_SITE') . '/wp-load.php';

$posts = (int) (getenv('WP_SEED_POSTS') ?: 100000);
$batch = 1000;
global $wpdb;

$authors = array_map('intval', $wpdb->get_col("SELECT ID FROM {$wpdb->users}"));
$category = (int) get_option('default_category', 1);
$paragraph = 'Sáng nay, Liên đoàn Lao động thành phố Hà Nội tổ chức trao quà cho đoàn viên, người lao động có hoàn cảnh khó khăn tại các khu công nghiệp. '
    . 'Chủ tịch Công đoàn cơ sở cho biết năm nay có hơn 1.200 suất quà được trao, tăng so với năm trước.';
$seq_option = (int) get_option('newsroom_desk_seq', 0);
$feed_table = $wpdb->prefix . 'newsroom_review_feed';
$has_feed = (bool) $wpdb->get_var($wpdb->prepare('SHOW TABLES LIKE %s', $feed_table));
$first_id = (int) $wpdb->get_var("SELECT COALESCE(MAX(ID), 0) FROM {$wpdb->posts}") + 1;
$start = microtime(true);
$wpdb->query('SET autocommit = 0');
for ($done = 0; $done < $posts; $done += $batch) {
    $n = min($batch, $posts - $done);
    $rows = array();
    $meta = array();
    $terms = array();
    $feed = array();
    for ($i = 0; $i < $n; $i++) {
        $k = $done + $i;
        $id = $first_id + $k;
        // About five years of stories, newest last.
        $date = gmdate('Y-m-d H:i:s', time() - (int) (($posts - $k) * (5 * 365 * 86400 / $posts)));
        // A desk's queue of about fifty at any time, as many scheduled, 5 % drafts, the rest
        // published.
        $status = $k % 2000 === 0 ? 'pending' : ($k % 2000 === 1 ? 'future' : ($k % 20 === 2 ? 'draft' : 'publish'));
        if ($status === 'future') {
            $date = gmdate('Y-m-d H:i:s', time() + 86400 * (1 + $k % 30));
        }
        $title = "Bài lưu trữ số $k: công nhân khu công nghiệp nhận quà";
        $content = "<!-- newsroom:seed-$k -->\n<p>$paragraph</p>\n<p>$paragraph</p>";
        $rows[] = $wpdb->prepare(
            '(%d, %d, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)',
            $id, $authors[$k % count($authors)], $date, $date, $content, $title, 'Sapo của bài lưu trữ.',
            $status, "bai-luu-tru-so-$k", $date, $date, '', 'post', home_url("/?p=$id")
        );
        $seq = $seq_option + $k + 1;
        $review = wp_json_encode(array(
            'version' => 1,
            'moves' => array(array('from' => 'draft', 'to' => 'submitted', 'by' => 'Mai Quý', 'at' => $date . 'Z', 'note' => '')),
            'threads' => array(),
            'proposals' => array(),
        ), JSON_UNESCAPED_UNICODE);
        $meta[] = $wpdb->prepare('(%d, %s, %s)', $id, '_newsroom_review', $review);
        $meta[] = $wpdb->prepare('(%d, %s, %s)', $id, '_newsroom_review_revision', '1');
        $meta[] = $wpdb->prepare('(%d, %s, %s)', $id, '_newsroom_review_seq', (string) $seq);
        $terms[] = $wpdb->prepare('(%d, %d)', $id, $category);
        $feed[] = $wpdb->prepare('(%d, %d)', $id, $seq);
    }
    $wpdb->query("INSERT INTO {$wpdb->posts} (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt,
        post_status, post_name, post_modified, post_modified_gmt, to_ping, post_type, guid) VALUES " . implode(',', $rows));
    $wpdb->query("INSERT INTO {$wpdb->postmeta} (post_id, meta_key, meta_value) VALUES " . implode(',', $meta));
    $wpdb->query("INSERT INTO {$wpdb->term_relationships} (object_id, term_taxonomy_id) VALUES " . implode(',', $terms));
    if ($has_feed) {
        $wpdb->query("INSERT INTO {$feed_table} (post_id, seq) VALUES " . implode(',', $feed));
    }
    $wpdb->query('COMMIT');
}
$wpdb->query('SET autocommit = 1');
update_option('newsroom_desk_seq', (string) ($seq_option + $posts), false);
$wpdb->query($wpdb->prepare(
    "UPDATE {$wpdb->term_taxonomy} SET count = count + %d WHERE term_taxonomy_id = %d",
    $posts,
    $category
));
printf("seeded %d posts with review data in %.1f s\n", $posts, microtime(true) - $start);
