<?php
/**
 * Plugin Name:       Newsroom Desk
 * Description:       Review data (newsroom status, return notes, comment threads, proposed edits) and edit locks for the Newsroom desktop editor, over the REST API. Nothing it stores is ever shown on the public site or in feeds.
 * Version:           1.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           GPL-2.0-or-later
 * Text Domain:       newsroom-desk
 *
 * Why a plugin: WordPress has no place for editorial review data that stays private (its own
 * comments are public), and the edit lock wp-admin uses (`_edit_lock`) is protected meta the
 * REST API does not expose. The desktop app detects this plugin through `GET
 * /wp-json/newsroom/v1/about` and turns the desk's shared features off without it.
 *
 * Every route needs a signed-in user; every route about a post needs `edit_post` on it.
 */

defined('ABSPATH') || exit;

const NEWSROOM_DESK_VERSION = '1.1.0';
const NEWSROOM_DESK_NAMESPACE = 'newsroom/v1';
// Underscored meta keys are protected: WordPress never lists them in the REST API, feeds, or
// the custom-fields box, and themes do not print them.
const NEWSROOM_DESK_REVIEW = '_newsroom_review';
const NEWSROOM_DESK_REVISION = '_newsroom_review_revision';
const NEWSROOM_DESK_SEQ = '_newsroom_review_seq';
const NEWSROOM_DESK_LOCK_SINCE = '_newsroom_lock_since';
const NEWSROOM_DESK_TAKEOVERS = '_newsroom_takeovers';
const NEWSROOM_DESK_EDITED_BY = '_newsroom_edited_by';
const NEWSROOM_DESK_SEQ_OPTION = 'newsroom_desk_seq';
// The feed of changed reviews: its table's name (after the site's prefix) and the schema
// version it was made for.
const NEWSROOM_DESK_FEED_TABLE = 'newsroom_review_feed';
const NEWSROOM_DESK_DB_OPTION = 'newsroom_desk_db_version';
const NEWSROOM_DESK_DB_VERSION = '1';
// The review of one piece, with all its threads and proposals; far above what a desk writes.
const NEWSROOM_DESK_MAX_BYTES = 2 * 1024 * 1024;

register_activation_hook(__FILE__, 'newsroom_desk_activate');
add_action('plugins_loaded', 'newsroom_desk_upgrade');
add_action('rest_api_init', 'newsroom_desk_routes');
add_action('deleted_post', 'newsroom_desk_forget_post');
add_action('post_updated', 'newsroom_desk_note_edit', 10, 3);
add_action('wp_insert_post', 'newsroom_desk_note_new', 10, 3);

/**
 * Who last changed a post's text (title, excerpt, content), so the app names the person whose
 * edit it merges. WordPress records the last editor only from wp-admin's own screens
 * (`_edit_last`), not from REST writes.
 */
function newsroom_desk_note_edit($post_id, $after, $before) {
    if ($after->post_type !== 'post' || !get_current_user_id()) {
        return;
    }
    if ($after->post_title !== $before->post_title || $after->post_content !== $before->post_content
        || $after->post_excerpt !== $before->post_excerpt) {
        update_post_meta($post_id, NEWSROOM_DESK_EDITED_BY, get_current_user_id());
    }
}

/** A new post's text is its author's. */
function newsroom_desk_note_new($post_id, $post, $update) {
    if (!$update && $post->post_type === 'post' && get_current_user_id()) {
        update_post_meta($post_id, NEWSROOM_DESK_EDITED_BY, get_current_user_id());
    }
}

/** The last editor of a post's text, for those who may edit it (`context=edit` only). */
function newsroom_desk_edited_by($post) {
    $user_id = (int) get_post_meta($post['id'], NEWSROOM_DESK_EDITED_BY, true);
    if (!$user_id) {
        return null;
    }
    $user = get_userdata($user_id);
    return array('id' => $user_id, 'name' => $user ? $user->display_name : '');
}

/** The site-wide change counter starts at zero and is never autoloaded. */
function newsroom_desk_activate() {
    add_option(NEWSROOM_DESK_SEQ_OPTION, '0', '', 'no');
    newsroom_desk_upgrade();
}

function newsroom_desk_feed_table() {
    global $wpdb;
    return $wpdb->prefix . NEWSROOM_DESK_FEED_TABLE;
}

/**
 * The feed of changed reviews has a table of its own: one row per post, its last change's
 * counter value, indexed by that value. Asking "what changed after N" is then a range read
 * of the index, however large the archive, where a query on post meta would cast and sort
 * every post's value. Made (and filled from the meta of a site that ran 1.0) once per schema
 * version; `plugins_loaded` checks one autoloaded option, so an update needs no reactivation.
 */
function newsroom_desk_upgrade() {
    global $wpdb;
    if (get_option(NEWSROOM_DESK_DB_OPTION) === NEWSROOM_DESK_DB_VERSION) {
        return;
    }
    $table = newsroom_desk_feed_table();
    $charset = $wpdb->get_charset_collate();
    $wpdb->query("CREATE TABLE IF NOT EXISTS {$table} (
        post_id BIGINT UNSIGNED NOT NULL,
        seq BIGINT UNSIGNED NOT NULL,
        PRIMARY KEY (post_id),
        UNIQUE KEY seq (seq)
    ) {$charset}");
    // A site that went back to 1.0 for a while and returned has newer values in the meta.
    $wpdb->query($wpdb->prepare(
        "INSERT INTO {$table} (post_id, seq)
         SELECT post_id, MAX(CAST(meta_value AS UNSIGNED)) FROM {$wpdb->postmeta}
         WHERE meta_key = %s GROUP BY post_id
         ON DUPLICATE KEY UPDATE seq = GREATEST({$table}.seq, VALUES(seq))",
        NEWSROOM_DESK_SEQ
    ));
    update_option(NEWSROOM_DESK_DB_OPTION, NEWSROOM_DESK_DB_VERSION, true);
}

/** Records that a post's review changed, with a new counter value (in its meta and the feed). */
function newsroom_desk_changed($post_id) {
    global $wpdb;
    $seq = newsroom_desk_next_seq();
    update_post_meta($post_id, NEWSROOM_DESK_SEQ, $seq);
    $wpdb->query($wpdb->prepare(
        "INSERT INTO " . newsroom_desk_feed_table() . " (post_id, seq) VALUES (%d, %d)
         ON DUPLICATE KEY UPDATE seq = VALUES(seq)",
        $post_id,
        $seq
    ));
}

/** A post deleted for good leaves the feed. */
function newsroom_desk_forget_post($post_id) {
    global $wpdb;
    $wpdb->delete(newsroom_desk_feed_table(), array('post_id' => (int) $post_id), array('%d'));
}

/**
 * The next value of the site-wide change counter. One UPDATE with LAST_INSERT_ID is atomic
 * in MySQL and MariaDB, so two saves at once never get the same number.
 */
function newsroom_desk_next_seq() {
    global $wpdb;
    newsroom_desk_activate();
    $wpdb->query($wpdb->prepare(
        "UPDATE {$wpdb->options} SET option_value = LAST_INSERT_ID(option_value + 1) WHERE option_name = %s",
        NEWSROOM_DESK_SEQ_OPTION
    ));
    return (int) $wpdb->get_var('SELECT LAST_INSERT_ID()');
}

function newsroom_desk_routes() {
    register_rest_field('post', 'newsroom_edited_by', array(
        'get_callback' => 'newsroom_desk_edited_by',
        'schema'       => array('type' => array('object', 'null'), 'context' => array('edit'), 'readonly' => true),
    ));
    $post = '/posts/(?P<id>\d+)';
    $can_edit_posts = function () {
        return current_user_can('edit_posts');
    };
    register_rest_route(NEWSROOM_DESK_NAMESPACE, '/about', array(
        'methods'             => 'GET',
        'callback'            => 'newsroom_desk_about',
        'permission_callback' => $can_edit_posts,
    ));
    register_rest_route(NEWSROOM_DESK_NAMESPACE, '/reviews', array(
        'methods'             => 'GET',
        'callback'            => 'newsroom_desk_changed_reviews',
        'permission_callback' => $can_edit_posts,
        'args'                => array(
            'after'    => array('type' => 'integer', 'default' => 0, 'minimum' => 0),
            'per_page' => array('type' => 'integer', 'default' => 100, 'minimum' => 1, 'maximum' => 100),
        ),
    ));
    register_rest_route(NEWSROOM_DESK_NAMESPACE, $post . '/review', array(
        array(
            'methods'             => 'GET',
            'callback'            => 'newsroom_desk_get_review',
            'permission_callback' => 'newsroom_desk_can_edit',
        ),
        array(
            'methods'             => 'PUT',
            'callback'            => 'newsroom_desk_put_review',
            'permission_callback' => 'newsroom_desk_can_edit',
            'args'                => array(
                'base_revision' => array('type' => 'integer', 'required' => true, 'minimum' => 0),
                'review'        => array('type' => 'object', 'required' => true),
            ),
        ),
    ));
    register_rest_route(NEWSROOM_DESK_NAMESPACE, $post . '/lock', array(
        array(
            'methods'             => 'GET',
            'callback'            => 'newsroom_desk_get_lock',
            'permission_callback' => 'newsroom_desk_can_edit',
        ),
        array(
            'methods'             => 'POST',
            'callback'            => 'newsroom_desk_take_lock',
            'permission_callback' => 'newsroom_desk_can_edit',
            'args'                => array(
                'take_over' => array('type' => 'boolean', 'default' => false),
            ),
        ),
        array(
            'methods'             => 'DELETE',
            'callback'            => 'newsroom_desk_release_lock',
            'permission_callback' => 'newsroom_desk_can_edit',
        ),
    ));
}

/**
 * Only a user who may edit the post reads or writes its review or lock. A post that does not
 * exist is a 404, not a refusal, so the app can tell the two apart.
 */
function newsroom_desk_can_edit(WP_REST_Request $request) {
    $post = get_post((int) $request['id']);
    if (!$post || $post->post_type !== 'post') {
        return new WP_Error('newsroom_no_post', 'No such post.', array('status' => 404));
    }
    if (!current_user_can('edit_post', $post->ID)) {
        return new WP_Error(
            'newsroom_forbidden',
            'This user may not edit this post, so its review and lock are closed to them.',
            array('status' => rest_authorization_required_code())
        );
    }
    return true;
}

function newsroom_desk_about() {
    $user = wp_get_current_user();
    return array(
        'plugin'      => 'newsroom-desk',
        'version'     => NEWSROOM_DESK_VERSION,
        'features'    => array('review', 'locks'),
        'lock_window' => (int) apply_filters('wp_check_post_lock_window', 150),
        'user'        => array('id' => $user->ID, 'name' => $user->display_name),
        // Where the feed of changed reviews stands now: a machine that has none of the site's
        // pieces yet starts reading from here instead of from the beginning of the archive.
        'seq'         => (int) get_option(NEWSROOM_DESK_SEQ_OPTION, 0),
    );
}

/**
 * Posts whose review (or take-over record) changed after the counter value `after`, oldest
 * change first. A machine that is up to date (`after` at the counter) is answered from the
 * counter alone, without reading the feed: that is most pulls.
 */
function newsroom_desk_changed_reviews(WP_REST_Request $request) {
    global $wpdb;
    $after = (int) $request['after'];
    $per_page = (int) $request['per_page'];
    $now = (int) get_option(NEWSROOM_DESK_SEQ_OPTION, 0);
    if ($after >= $now) {
        return array('items' => array(), 'next' => $after, 'more' => false);
    }
    $rows = $wpdb->get_results($wpdb->prepare(
        "SELECT f.post_id, f.seq, p.post_status FROM " . newsroom_desk_feed_table() . " f
         JOIN {$wpdb->posts} p ON p.ID = f.post_id
         WHERE f.seq > %d AND p.post_type = 'post'
             AND p.post_status IN ('draft', 'pending', 'publish', 'future', 'private')
         ORDER BY f.seq ASC LIMIT %d",
        $after,
        $per_page
    ));
    // Each post's meta and the post itself (for the capability check) in one query each, not
    // one per post.
    $ids = array_map('intval', wp_list_pluck($rows, 'post_id'));
    _prime_post_caches($ids, false, false);
    update_meta_cache('post', $ids);
    $items = array();
    $last = $after;
    foreach ($rows as $row) {
        $post_id = (int) $row->post_id;
        $last = max($last, (int) $row->seq);
        // The cursor passes posts this user may not edit, without showing them.
        if (!current_user_can('edit_post', $post_id)) {
            continue;
        }
        $items[] = array(
            'post_id'  => $post_id,
            'seq'      => (int) $row->seq,
            'revision' => (int) get_post_meta($post_id, NEWSROOM_DESK_REVISION, true),
            'status'   => $row->post_status,
        );
    }
    return array('items' => $items, 'next' => $last, 'more' => count($rows) === $per_page);
}

/** The review of one post as the app reads it: the stored JSON text, untouched. */
function newsroom_desk_review_of($post_id) {
    $takeovers = json_decode((string) get_post_meta($post_id, NEWSROOM_DESK_TAKEOVERS, true), true);
    return array(
        'post_id'   => (int) $post_id,
        'revision'  => (int) get_post_meta($post_id, NEWSROOM_DESK_REVISION, true),
        'seq'       => (int) get_post_meta($post_id, NEWSROOM_DESK_SEQ, true),
        // Kept as text: the app checks its shape itself, and says so when someone has edited
        // it into something it cannot read.
        'review'    => (string) get_post_meta($post_id, NEWSROOM_DESK_REVIEW, true),
        'takeovers' => is_array($takeovers) ? $takeovers : array(),
    );
}

function newsroom_desk_get_review(WP_REST_Request $request) {
    return newsroom_desk_review_of((int) $request['id']);
}

/**
 * Stores a review only over the revision its writer read (compare-and-set): a writer that
 * read an older one gets 409 with the current one, merges, and writes again. So two machines
 * never overwrite each other, and a retried write that already landed is seen as such.
 */
function newsroom_desk_put_review(WP_REST_Request $request) {
    $post_id = (int) $request['id'];
    $current = (int) get_post_meta($post_id, NEWSROOM_DESK_REVISION, true);
    if ((int) $request['base_revision'] !== $current) {
        return new WP_Error(
            'newsroom_review_changed',
            'The review was changed since it was read; read it again and merge.',
            array('status' => 409, 'current' => newsroom_desk_review_of($post_id))
        );
    }
    $json = wp_json_encode($request['review'], JSON_UNESCAPED_UNICODE);
    if ($json === false || strlen($json) > NEWSROOM_DESK_MAX_BYTES) {
        return new WP_Error('newsroom_review_too_large', 'The review is larger than the site keeps.', array('status' => 413));
    }
    update_post_meta($post_id, NEWSROOM_DESK_REVIEW, wp_slash($json));
    update_post_meta($post_id, NEWSROOM_DESK_REVISION, $current + 1);
    newsroom_desk_changed($post_id);
    return newsroom_desk_review_of($post_id);
}

/** Who holds the post's edit lock, as wp-admin reads `_edit_lock` ("time:user"). */
function newsroom_desk_lock_of($post_id) {
    $raw = (string) get_post_meta($post_id, '_edit_lock', true);
    $parts = explode(':', $raw);
    $time = isset($parts[0]) ? (int) $parts[0] : 0;
    $user_id = isset($parts[1]) ? (int) $parts[1] : 0;
    $window = (int) apply_filters('wp_check_post_lock_window', 150);
    $held = $time > 0 && $user_id > 0 && $time > time() - $window;
    if (!$held) {
        return array('held' => false, 'mine' => false, 'window' => $window);
    }
    $since = explode(':', (string) get_post_meta($post_id, NEWSROOM_DESK_LOCK_SINCE, true));
    // wp-admin does not record when it took a lock; its renewals are all there is to go by.
    $since_time = (count($since) === 2 && (int) $since[1] === $user_id) ? (int) $since[0] : $time;
    $user = get_userdata($user_id);
    return array(
        'held'       => true,
        'mine'       => $user_id === get_current_user_id(),
        'window'     => $window,
        'user'       => array('id' => $user_id, 'name' => $user ? $user->display_name : ''),
        'since'      => gmdate('Y-m-d\TH:i:s\Z', $since_time),
        'renewed'    => gmdate('Y-m-d\TH:i:s\Z', $time),
        'expires'    => gmdate('Y-m-d\TH:i:s\Z', $time + $window),
    );
}

function newsroom_desk_get_lock(WP_REST_Request $request) {
    return newsroom_desk_lock_of((int) $request['id']);
}

/**
 * Takes or renews the lock with wp-admin's own functions, so wp-admin users see the app's user
 * as editing the post and the app sees them. Held by someone else, it is refused unless
 * `take_over` is set; a take-over is recorded with the post and shown to every machine.
 */
function newsroom_desk_take_lock(WP_REST_Request $request) {
    require_once ABSPATH . 'wp-admin/includes/post.php';
    $post_id = (int) $request['id'];
    $before = newsroom_desk_lock_of($post_id);
    $other = wp_check_post_lock($post_id);
    if ($other && !$request['take_over']) {
        return new WP_Error(
            'newsroom_locked',
            'Someone else is editing this post.',
            array('status' => 409, 'lock' => $before)
        );
    }
    wp_set_post_lock($post_id);
    if (!$before['held'] || !$before['mine']) {
        update_post_meta($post_id, NEWSROOM_DESK_LOCK_SINCE, time() . ':' . get_current_user_id());
    }
    if ($other) {
        $log = json_decode((string) get_post_meta($post_id, NEWSROOM_DESK_TAKEOVERS, true), true);
        $log = is_array($log) ? $log : array();
        $log[] = array(
            'by'   => wp_get_current_user()->display_name,
            'from' => $before['user']['name'] ?? '',
            'at'   => gmdate('Y-m-d\TH:i:s\Z'),
        );
        update_post_meta($post_id, NEWSROOM_DESK_TAKEOVERS, wp_slash(wp_json_encode($log, JSON_UNESCAPED_UNICODE)));
        // A new revision, so every machine reads the record with the review (a writer that
        // read the one before merges again, which changes nothing of theirs).
        $revision = (int) get_post_meta($post_id, NEWSROOM_DESK_REVISION, true);
        update_post_meta($post_id, NEWSROOM_DESK_REVISION, $revision + 1);
        newsroom_desk_changed($post_id);
    }
    return newsroom_desk_lock_of($post_id);
}

/** Releases the lock this user holds; someone else's is left alone. */
function newsroom_desk_release_lock(WP_REST_Request $request) {
    $post_id = (int) $request['id'];
    $lock = newsroom_desk_lock_of($post_id);
    if ($lock['held'] && !$lock['mine']) {
        return new WP_Error('newsroom_locked', 'Someone else holds this lock.', array('status' => 409, 'lock' => $lock));
    }
    delete_post_meta($post_id, '_edit_lock');
    delete_post_meta($post_id, NEWSROOM_DESK_LOCK_SINCE);
    return newsroom_desk_lock_of($post_id);
}
